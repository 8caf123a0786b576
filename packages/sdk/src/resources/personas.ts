import { type Persona, PersonaListSchema, PersonaSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import type { PersonaList } from '../types.js'
import { apiPath } from './paths.js'

/** The AI personas a session can use. */
export class PersonasResource {
  constructor(private readonly http: Transport) {}

  list(): Promise<PersonaList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('personas'),
      schema: PersonaListSchema,
    })
  }

  get(personaId: string): Promise<Persona> {
    return this.http.request({
      method: 'GET',
      path: apiPath('personas', personaId),
      schema: PersonaSchema,
    })
  }
}
