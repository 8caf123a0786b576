import { type User, UserListSchema, UserSchema } from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import { everyItem } from '../pagination/page-iterator.js'
import type { CreateUserInput, UpdateUserInput, UserList, UserListOptions } from '../types.js'
import { apiPath } from './paths.js'

/** User accounts; admins only. docs/security/users-and-passwords.md */
export class UsersResource {
  constructor(private readonly http: Transport) {}

  create(input: CreateUserInput): Promise<User> {
    return this.http.request({
      method: 'POST',
      path: apiPath('users'),
      body: input,
      schema: UserSchema,
    })
  }

  /** One page of users, newest first. */
  list(options: UserListOptions = {}): Promise<UserList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('users'),
      query: options,
      schema: UserListSchema,
    })
  }

  /** Every user, reading page after page. */
  iterate(options: Omit<UserListOptions, 'page'> = {}): AsyncGenerator<User, void, undefined> {
    return everyItem(
      async (page) => {
        const { users, pagination } = await this.list({ ...options, page })
        return { items: users, pagination }
      },
      (user) => user.user_id,
    )
  }

  get(userId: string): Promise<User> {
    return this.http.request({ method: 'GET', path: apiPath('users', userId), schema: UserSchema })
  }

  /** Changes email, role or active. */
  update(userId: string, input: UpdateUserInput): Promise<User> {
    return this.http.request({
      method: 'PATCH',
      path: apiPath('users', userId),
      body: input,
      schema: UserSchema,
    })
  }

  /** Users are deactivated, never deleted; their credentials stop working at once. */
  deactivate(userId: string): Promise<User> {
    return this.http.request({
      method: 'DELETE',
      path: apiPath('users', userId),
      schema: UserSchema,
    })
  }
}
