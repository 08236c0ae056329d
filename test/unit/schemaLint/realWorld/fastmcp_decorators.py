# Source: aharrison-git/MCP-Deployment src/mcpserver/deployment.py and wbw20000/carla-mcp-server my_server.py. Trimmed.
# FastMCP derives schemas from signatures: nothing to judge.
from mcp.server.fastmcp import FastMCP

mcp = FastMCP()


@mcp.tool()
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


@mcp.tool
def greet(name: str) -> str:
    return f"Hello, {name}!"
