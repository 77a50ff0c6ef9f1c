// What a browser bundle gets (the `browser` export condition): an error at import, so the mistake shows up the
// first time the page loads instead of as a secret key shipped to every visitor.
throw new Error(
  '@chat-session/server must not be bundled for the browser: it signs with your secret key. ' +
    'Import it only in server code (a route handler, an API endpoint) and fetch the UserSig from the browser.',
)

export {}
