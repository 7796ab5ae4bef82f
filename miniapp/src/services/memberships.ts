import { MyMembership, MyMembershipReply, type SaveMembershipRequest } from '@djt/shared'
import { get, post } from './http'

export type { MembershipDraft, MyMembership, SaveMembershipRequest } from '@djt/shared'

/** The caller's own entry (mobile and ID only masked), or null before they register. */
export async function fetchMyMembership(): Promise<MyMembership | null> {
  return (await get('/memberships/mine', MyMembershipReply)).membership
}

/** `save` keeps a draft as typed; `submit` is checked strictly and goes to the bureau. */
export function saveMembership(request: SaveMembershipRequest): Promise<MyMembership> {
  return post('/memberships', request, MyMembership)
}

export function withdrawMembership(): Promise<MyMembership> {
  return post('/memberships/mine/withdraw', undefined, MyMembership)
}
