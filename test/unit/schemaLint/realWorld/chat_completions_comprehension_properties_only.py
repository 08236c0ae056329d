# Source: public code (a Spanish-language agent's prompt-size test, MCP_SCHEMAS; found via find_string id 71369553246). Trimmed.
# Generated Chat Completions tools whose parameters have "properties" but no "type" (a warning), and a tool
# without parameters (fine).
MCP_SCHEMAS = [
    {"type": "function", "function": {"name": f"mcp__srv__tool{i}", "description": "d" * (50 + i * 20),
                                      "parameters": {"properties": {f"p{j}": {} for j in range(i % 10)}}}}
    for i in range(45)
] + [
    {"type": "function", "function": {"name": "sin_params", "description": ""}},
]
