import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { renderOpenApiDocument } from '../src/http/openapi-document.js'

const target = fileURLToPath(new URL('../../../docs/api/openapi.json', import.meta.url))

writeFileSync(target, renderOpenApiDocument())
console.log(`wrote ${target}`)
