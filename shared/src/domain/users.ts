export const ROLES = ['admin', 'facilitator', 'representative', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const MANDATES = ['titular', 'substitute'] as const;
export type Mandate = (typeof MANDATES)[number];

/** A user as the API returns it: never the password hash. */
export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  federation: string | null;
  mandate: Mandate | null;
  active: boolean;
  mustChangePassword: boolean;
  /** The last successful sign-in (ISO 8601), null if never. */
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserDto;
  /** When this access token stops working (ISO 8601): renew it before (POST /api/auth/refresh). */
  accessTokenExpiresAt: string;
  /** When the sign-in ends, however often its token is renewed (ISO 8601). */
  sessionExpiresAt: string;
}

/** The open app renews its access token this often (a third of its 15-minute lifetime). */
export const ACCESS_TOKEN_RENEW_INTERVAL_MS = 5 * 60 * 1000;

export interface ListResponse<T> {
  items: T[];
  total: number;
}

/** NestJS's error shape, kept by every route. */
export interface ApiError {
  statusCode: number;
  message: string | string[];
  error: string;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  /** Required for representatives, forbidden otherwise. */
  federation?: string;
  mandate?: Mandate;
}

/** The temporary password is shown once; the user must change it at first login. */
export interface CreateUserResponse {
  user: UserDto;
  temporaryPassword: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  federation?: string | null;
  mandate?: Mandate | null;
  active?: boolean;
}

/** Shortest password the server accepts; the client checks the same before sending. */
export const PASSWORD_MIN_LENGTH = 10;

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
