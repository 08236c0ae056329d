# Source: sandra1974/AI_Model_Testing AI_Testing_Project/tests/Model_Evaluation/Functional_Tests/Prompt_Tests/FunctionCalling.py. Trimmed.
import anthropic
import os

client = anthropic.Anthropic(api_key=os.getenv('$ANTHROPIC_API_KEY'))

response = client.messages.create(
    model="claude-3-5-sonnet-20241022",
    max_tokens=1024,
    tools=[
        {
  "name": "get_stock_price",
  "description": "Retrieves the current stock price for a given ticker symbol.",
  "input_schema": {
    "type": "object",
    "properties": {
      "ticker": {
        "type": "string",
        "description": "The stock ticker symbol, e.g. AAPL for Apple Inc."
      }
    },
    "required": ["ticker"]
  }
}
    ],
    messages=[{"role": "user", "content": "Give me a current stock price for AAPL"}]
)
