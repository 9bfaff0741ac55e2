import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The user's id and the session version the token was issued for. */
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}
