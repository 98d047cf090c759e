// Recovery repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecoveryRepositories {}
