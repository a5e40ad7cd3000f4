import { createServer } from 'node:net';
import { TestPlatform } from '@mpp/testkit';
import { expect, it } from 'vitest';

// The test platform's own restart (used by every test of a setting changed between starts): its
// gateway's port comes from the ephemeral range, so between the stop and the new start the kernel
// may hand it to one of the new start's subgraphs, or to another process, for a moment.
it('restarts on the same port once whatever took it meanwhile lets go', async () => {
  const platform = await TestPlatform.start();
  const port = platform.config.port;
  const holder = createServer();
  // Another holder takes the port between the stop and the start of the restart, for 300 ms.
  const original = (platform as unknown as { boot(): Promise<void> }).boot.bind(platform);
  let first = true;
  (platform as unknown as { boot(): Promise<void> }).boot = async () => {
    if (first) {
      first = false;
      await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
      setTimeout(() => holder.close(), 300);
    }
    return original();
  };
  await platform.restart();
  const response = await fetch(`${platform.origin}/readyz`);
  expect(response.status).toBe(200);
  await platform.stop();
});
