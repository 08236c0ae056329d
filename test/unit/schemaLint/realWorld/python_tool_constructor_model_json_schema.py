# Source: public code (an MCP server building tools from pydantic models; found via find_string id 68702499443). Trimmed.
# `model.model_json_schema()` cannot be evaluated statically: no finding.
from mcp.server.fastmcp.tools import Tool


def tools_for(operations):
    def tool_for(op):
        model = op.arguments_model

        async def invoke(**kwargs):
            return await op.run(model(**kwargs))

        return Tool(
            fn=invoke,
            name=PREFIX + op.name,
            description=f"{op.summary}.",
            parameters=model.model_json_schema(),
            fn_metadata=ExactMetadata(arg_model=model, output_model=OperationResult),
            is_async=True,
        )

    return [tool_for(op) for op in operations]


_TOOL = {
    "name": "cluster_topics",
    "description": "Group extracted signals into topic clusters.",
    "input_schema": ClusteringResult.model_json_schema(),
}
