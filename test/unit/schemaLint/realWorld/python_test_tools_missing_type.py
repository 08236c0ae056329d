# Source: public code (a planner's unit test, test_generate_plan_with_null_llm; found via find_string id 56960522272). Trimmed.
# Anthropic-style tool dicts in test data: an empty input_schema has no type (error); one with only
# "properties" gets the warning.
def test_generate_plan_with_null_llm():
    llm = NullLLMClient()
    tools = [{"name": "health_check", "description": "Check the environment", "input_schema": {}, "side_effects": [], "resume_safe": True},
             {"name": "run_design", "description": "Run the design", "input_schema": {"properties": {"team_name": {"type": "string", "description": "Team name"}}}, "side_effects": ["writes_files"], "resume_safe": True}]

    plan = generate_plan("check the environment, then run the design", tools=tools, llm_client=llm)
    assert validate_plan(plan) == []
