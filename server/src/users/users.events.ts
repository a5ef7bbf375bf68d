/**
 * An account changed in a way that may change what its sessions may do (deactivation, role,
 * federation, mandate, name): open sockets reconnect, or are refused, under the new rights.
 */
export interface UserAccessChangedEvent {
  userId: string;
}

export interface UserEvents {
  'users.access_changed': UserAccessChangedEvent;
}
