# Source: public code (an xAI ad remixer agent, ad_remixer.py using xai_sdk; found via find_string id 7818282249). Trimmed.
from xai_sdk import Client
from xai_sdk.chat import user, system, tool, tool_result


def create_image_generation_tool():
    """Create the image generation/editing tool definition."""
    return tool(
        name="generate_ad_image",
        description="Generate or enhance a compelling visual image for the ad.",
        parameters={
            "type": "object",
            "properties": {
                "image_prompt": {
                    "type": "string",
                    "description": "A detailed prompt describing the image to generate.",
                },
                "ad_copy": {
                    "type": "string",
                    "description": "The final ad copy text that this image should complement.",
                },
            },
            "required": ["image_prompt", "ad_copy"],
        },
    )
