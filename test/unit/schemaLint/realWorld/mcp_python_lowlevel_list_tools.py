# Source: public code (an nmap MCP server, handle_list_tools; found via find_string id 12004915685). Trimmed.
import mcp.types as types
from mcp.server import Server

server = Server("nmap")


@server.list_tools()
async def handle_list_tools() -> list[types.Tool]:
    """
    List available tools for nmap scanning.
    """
    return [
        types.Tool(
            name="run-nmap-scan",
            description="Run an nmap scan on specified targets",
            inputSchema={
                "type": "object",
                "properties": {
                    "target": {"type": "string", "description": "Target host or network (e.g., 192.168.1.1 or 192.168.1.0/24)"},
                    "options": {"type": "string", "description": "Nmap options (e.g., -sV -p 1-1000)"},
                },
                "required": ["target"],
            },
        ),
        types.Tool(
            name="list-scans",
            description="List all previous scans",
            inputSchema={"type": "object", "properties": {}},
        ),
    ]
