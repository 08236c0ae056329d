# Source: cpsource/CursorTest grok/README-function-calling.md (Python block; legacy `functions=`). Trimmed.
functions = [
    {
        "name": "get_weather",
        "description": "Get current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "City name"}
            },
            "required": ["city"]
        }
    }
]

response = client.chat.completions.create(
    model="grok-beta",
    messages=[{"role": "user", "content": "Weather in Tokyo?"}],
    functions=functions
)
