// Source: lukecyx/travel-agent lib/cs-agent/src/tools/weatherTool.ts. Trimmed.
// `{name, parameters: z.object(...)}` in a plain constant, also read back through `typeof`.
import { z } from "zod";

export const weatherToolDefinition = {
  name: "get_weather",
  parameters: z.object({
    location: z.string().describe("A city or place to get weather data for"),
    latitude: z.string().describe("The latitude of the location parameter"),
    longitude: z.string().describe("The longitude of the location parameter"),
  }),
  description: "get the current weather",
};

type Args = z.infer<typeof weatherToolDefinition.parameters>;
