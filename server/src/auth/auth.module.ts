import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfigService } from '../config/app-config.service';
import { UsersModule } from '../users/users.module';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token';
import { AuthSession } from './auth-session.entity';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordResetController } from './password-reset.controller';
import { RolesGuard } from './roles.guard';

export const LOGIN_THROTTLE = { ttl: 60_000, limit: 20 };
/** The public site's read-only API, per address (publications module). */
export const PUBLIC_THROTTLE = { ttl: 60_000, limit: 120 };

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([AuthSession]),
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: async (config: AppConfigService) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a
        // public key on every verify (a thrown error each time, ~1 ms of CPU per request).
        secret: createSecretKey(Buffer.from(await config.resolveJwtSecret(), 'utf8')),
        signOptions: { expiresIn: ACCESS_TOKEN_TTL_SECONDS },
      }),
    }),
    // Per address, where ThrottlerGuard is applied: `login` on the login route, `public` on the
    // public site's API; each route skips the other's limit.
    ThrottlerModule.forRoot([
      { name: 'login', ...LOGIN_THROTTLE },
      { name: 'public', ...PUBLIC_THROTTLE },
    ]),
  ],
  controllers: [AuthController, PasswordResetController],
  providers: [
    AuthService,
    AuthSessionsRepository,
    LoginAttemptsService,
    LoginAttemptsRepository,
    // Order matters: authentication first, then roles.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
