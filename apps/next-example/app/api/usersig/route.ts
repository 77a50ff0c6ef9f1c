import { userSigHandler } from '../../../lib/userSigHandler'

/** The UserSig endpoint on the Node.js runtime (the default). */
export const POST = userSigHandler
