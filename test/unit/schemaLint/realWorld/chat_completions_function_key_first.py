# Source: Mirascope/mirascope cloud/public/examples/v1/getting-started/quickstart/sdk/xai.py. Trimmed.
# Chat Completions tool with "function" written before "type".
from xai import Xai
from pydantic import BaseModel

client = Xai()


class Book(BaseModel):
    title: str
    author: str


def extract_book(text: str) -> Book:
    completion = client.chat.completions.create(
        model="grok-3",
        messages=[{"role": "user", "content": f"Extract {text}"}],
        tools=[
            {
                "function": {
                    "name": "Book",
                    "description": "An extracted book.",
                    "parameters": {
                        "properties": {
                            "title": {"type": "string"},
                            "author": {"type": "string"},
                        },
                        "required": ["title", "author"],
                        "type": "object",
                    },
                },
                "type": "function",
            }
        ],
        tool_choice="required",
    )
    return Book.model_validate_json(completion.choices[0].message.tool_calls[0].function.arguments)
