import { type Config, type ConfigInput, ConfigSchema } from '../config/schema.js'

/**
 * One whole configuration section for startTestServer, parsed, with the defaults filled in
 * around the overrides: startTestServer puts override sections in place as they are, so a
 * section holding values the schema transforms (rates such as "5/minute") must come parsed.
 *
 * @example
 * startTestServer({ security: configSection('security', { rate_limiting: { enabled: false } }) })
 */
export function configSection<Section extends keyof Config>(
  section: Section,
  overrides: Record<string, unknown>,
): ConfigInput[Section] {
  return ConfigSchema.parse({ [section]: overrides })[section] as ConfigInput[Section]
}
