/**
 * Where a route handler leaves the outcome of what it did for the next page
 * (a signed, HttpOnly cookie, 60 s), and where proxy.ts hands it to that one
 * render (a request header) while expiring the cookie: shown once, then gone.
 */
export const flashCookie = "skyport_flash";
export const flashHeader = "x-skyport-flash";
export const flashPath = "/console";
