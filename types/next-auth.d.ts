import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The user's id, the session version the token was issued for, and the session's id (a live Session row). */
    uid?: string;
    sv?: number;
    sid?: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}
