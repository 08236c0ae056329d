# Source: public code (a proxy's replay tests, test_trace_replay...; found via find_string ids 60823614539 and 70921185553). Trimmed.
# Deliberately bad schemas in tests: an array root in a Chat Completions tool, and in a config's tool list.
def test_replay_state_ignores_tool_schema_drift(self):
    response = self.client.post(
        "/v1/chat/completions",
        json={
            "model": "m",
            "messages": [{"role": "user", "content": "Solve the task"}],
            "tools": [{"type": "function", "function": {"name": "read_file", "description": "new", "parameters": {"type": "array"}}}],
        },
    )


def test_rejects_non_object_tool_parameters():
    with pytest.raises(ValueError, match=r"tools\[0\]\.parameters.type must be object"):
        validate_config_validations(
            {
                "tools": [
                    {
                        "name": "bad_tool",
                        "description": "Bad schema.",
                        "parameters": {"type": "array", "items": {"type": "string"}},
                    }
                ]
            }
        )
