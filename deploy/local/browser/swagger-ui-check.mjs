// Swagger UI as a newcomer uses it, in headless Chromium: open a service's /q/swagger-ui, "Authorize" with the
// OAuth2 authorization-code flow (PKCE, public client praxis-mobile) through Keycloak's login page in the popup,
// then "Try it out" on one operation. Passes only when the browser's own request carried the bearer token the
// login produced and the service answered 2xx with JSON.
// Usage: node swagger-ui-check.mjs <service base URL> <tag> <operationId> <username> <password>
import puppeteer from "puppeteer-core";

const [base, tag, operationId, username, password] = process.argv.slice(2);
if (!password) {
  console.error("usage: swagger-ui-check.mjs <base URL> <tag> <operationId> <username> <password>");
  process.exit(2);
}
const step = (what) => console.log(`  ${operationId}: ${what}`);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  // Root in a container has no user namespace for Chromium's sandbox; /dev/shm may be small.
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/q/swagger-ui/`, { waitUntil: "networkidle0" });
  await page.waitForSelector("button.authorize");
  step("Swagger UI loaded");

  await page.click("button.authorize");
  await page.waitForSelector(".auth-container");
  // One block per security scheme; the authorization-code one names its flow in the heading.
  const authorize = await page.waitForFunction(() => {
    for (const block of document.querySelectorAll(".auth-container")) {
      if (!/authorizationCode/.test(block.textContent)) continue;
      const button = [...block.querySelectorAll("button")].find((b) => b.textContent.trim() === "Authorize");
      if (button) return button;
    }
    return null;
  });
  const popupTarget = browser.waitForTarget((t) => t.url().includes("/protocol/openid-connect/auth"));
  await authorize.click();
  const popup = await (await popupTarget).page();
  const authUrl = new URL(popup.url());
  if (authUrl.searchParams.get("code_challenge_method") !== "S256" || !authUrl.searchParams.get("code_challenge")) {
    throw new Error(`the login request carries no PKCE challenge: ${authUrl.search}`);
  }
  step(`Keycloak login page (client ${authUrl.searchParams.get("client_id")}, PKCE S256)`);
  await popup.waitForSelector("#username");
  await popup.type("#username", username);
  await popup.type("#password", password);
  const popupClosed = new Promise((resolve) => popup.once("close", resolve));
  await popup.click("#kc-login");
  await popupClosed; // oauth2-redirect.html hands the code back to the page and closes the popup
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".auth-container button")].some((b) => b.textContent.trim() === "Logout"));
  step("logged in from the page");
  await page.click(".auth-btn-wrapper .btn-done, button.close-modal");

  const block = `#operations-${tag}-${operationId}`;
  await page.waitForSelector(block);
  await page.click(`${block} .opblock-summary`);
  await page.waitForSelector(`${block} .try-out__btn`);
  await page.click(`${block} .try-out__btn`);
  const answered = page.waitForResponse((r) => r.request().method() !== "OPTIONS" && r.url().startsWith(base + "/v1/"));
  await page.click(`${block} .execute`);
  const response = await answered;
  const sent = response.request().headers();
  if (!/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test(sent.authorization ?? "")) {
    throw new Error(`the call from the page carried no bearer token: ${JSON.stringify(sent)}`);
  }
  const claims = JSON.parse(Buffer.from(sent.authorization.split(".")[1], "base64url").toString());
  if (claims.azp !== "praxis-mobile" || claims.preferred_username !== username) {
    throw new Error(`the token is not ${username}'s from praxis-mobile: azp=${claims.azp}, user=${claims.preferred_username}`);
  }
  const status = response.status();
  const type = response.headers()["content-type"] ?? "";
  if (status < 200 || status > 299 || !type.startsWith("application/json")) {
    throw new Error(`${response.request().method()} ${response.url()} answered ${status} ${type}: ${await response.text()}`);
  }
  // What the page shows is what came back.
  await page.waitForFunction(
    (sel, code) => [...document.querySelectorAll(`${sel} .live-responses-table tr.response .response-col_status`)].some((c) => c.textContent.trim() === code),
    {}, block, String(status));
  step(`${response.request().method()} ${new URL(response.url()).pathname} as ${username}: ${status}, shown in the page`);
} finally {
  await browser.close();
}
