# Source: public code (a health knowledge-base agent on Amazon Bedrock Converse, TOOL_CONFIG; found via
# find_string id 61590607687), and a Strands-style agent test (id 51819199057). Trimmed.
# Bedrock's toolSpec wraps the JSON Schema as inputSchema: {"json": {...}}; bridges forward the inner schema.
TOOL_CONFIG = {
    "tools": [
        {
            "toolSpec": {
                "name": "search_kb",
                "description": (
                    "Search the health.studio knowledge base for evidence-graded "
                    "passages about anatomy, pain, training and recovery."
                ),
                "inputSchema": {
                    "json": {
                        "type": "object",
                        "properties": {
                            "query": {"type": "string"},
                            "min_evidence": {"type": "integer", "minimum": 0, "maximum": 3},
                        },
                        "required": ["query"],
                    }
                },
            }
        }
    ]
}


class _Agent:
    tools = [
        {
            "name": "shell",
            "inputSchema": {
                "json": {
                    "type": "object",
                    "properties": {"command": {"type": "string"}},
                }
            },
        }
    ]
