import * as oauth from 'oauth4webapi';

/** How the partner system proves itself to the identity provider. */
export type ClientCredential =
  | { kind: 'client_secret'; secret: string }
  /** `private_key_jwt`: the provider knows the public key; the private key never leaves the system. */
  | { kind: 'private_key_jwt'; privateKey: CryptoKey; keyId?: string };

/** The partner system as the identity provider registered it. */
export interface PartnerClient {
  /** The provider's issuer identifier; its metadata is discovered from it. */
  issuer: string;
  clientId: string;
  credential: ClientCredential;
  /** Plain HTTP to the provider: only for a provider on this machine, in a test or a demo. */
  allowInsecureRequests?: boolean;
}

/** The identity provider did not issue a token; `code` is its OAuth error, such as `invalid_client`. */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An access token for the gateway and how long it is good for. */
export interface AccessToken {
  accessToken: string;
  expiresInSeconds: number | undefined;
}

/**
 * Obtains an access token with the OAuth 2.0 client credentials grant (RFC 6749 §4.4): discovers
 * the provider's token endpoint from its issuer, authenticates as the client (HTTP Basic with the
 * secret, or a signed JWT assertion) and checks the answer as oauth4webapi does.
 */
export async function requestAccessToken(client: PartnerClient): Promise<AccessToken> {
  const insecure = { [oauth.allowInsecureRequests]: client.allowInsecureRequests === true };
  const issuer = new URL(client.issuer);
  try {
    const server = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }),
    );
    const registration: oauth.Client = { client_id: client.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      server,
      registration,
      clientAuthentication(client.credential),
      new URLSearchParams(),
      insecure,
    );
    const token = await oauth.processClientCredentialsResponse(server, registration, response);
    return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError)
      throw new AccessTokenError(
        error.error,
        `the identity provider refused a token: ${error.error}`,
      );
    throw error;
  }
}

function clientAuthentication(credential: ClientCredential): oauth.ClientAuth {
  return credential.kind === 'client_secret'
    ? oauth.ClientSecretBasic(credential.secret)
    : oauth.PrivateKeyJwt({ key: credential.privateKey, kid: credential.keyId });
}
