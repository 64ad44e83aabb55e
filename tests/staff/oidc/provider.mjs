// A real OpenID Connect provider on loopback for the staff single sign-on tests.
//
//   OIDC_PORT=4100 OIDC_CLIENT='{"client_id":...}' OIDC_ACCOUNTS='{"id":{...claims}}' \
//     node provider.mjs
//
// Any password is accepted at its login form (oidc-provider's development interactions);
// the accounts and their claims (email, groups) come from OIDC_ACCOUNTS. Consent is taken
// as given, as a council's provider does for its own applications. Prints "ready" once
// listening, and stops when its standard input closes, so it never outlives the tests.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const client = JSON.parse(process.env.OIDC_CLIENT);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...client,
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
  scopes: ['openid', 'email', 'groups'],
  cookies: { keys: ['test cookies only, never a real secret'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(accounts, id)) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email groups');
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => console.log('ready'));
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
