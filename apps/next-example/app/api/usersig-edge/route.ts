import { userSigHandler } from '../../../lib/userSigHandler'

// The same handler on the edge runtime: the server package signs with Web Crypto and CompressionStream.
export const runtime = 'edge'

/** The UserSig endpoint on the edge runtime. */
export const POST = userSigHandler
