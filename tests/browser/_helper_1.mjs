import { startServer, Profile, openApp, settle, sleep } from './lib/harness.mjs';
import { dump, shot, info } from './_helper_common.mjs';
const server = await startServer();
const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 800 } });
try {
  const page = await openApp(profile, server.url);
  await settle(page);
  await shot(page, '01_first');
  console.log(JSON.stringify(await info(page)));
  await dump(page, 'first');
  console.log(await page.evaluate(() => Object.keys(window.towardTest)));
  console.log('errors', profile.errors);
} finally { await profile.dispose(); await server.close(); }
