// Next.js only renders the pages; the HTTP server, tRPC and Socket.IO live in server/main.ts.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  // The custom server is the only way in, so the X-Powered-By banner only helps fingerprinting.
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: {
    // `npm run typecheck` checks the whole project (engine included) in `npm run check`;
    // checking again here would double the build time and let an engine change in progress
    // block `npm start`.
    ignoreBuildErrors: true,
  },
};

export default nextConfig;
