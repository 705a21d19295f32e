import * as net from 'node:net';
import { distinctPorts, findFreePort } from './free-port';

describe('findFreePort', () => {
  it('never hands out a port twice, even when the kernel offers it again (it does, about 1 bind in 2,000)', async () => {
    const offers = [5000, 5000, 5001, 5000, 5001, 5002];
    const next = distinctPorts(async () => offers.shift()!);
    expect([await next(), await next(), await next()]).toEqual([5000, 5001, 5002]);
  });

  it('gives up rather than loop when the kernel keeps offering a used port', async () => {
    const next = distinctPorts(async () => 5000);
    await next();
    await expect(next()).rejects.toThrow(/no free TCP port/);
  });

  it('gives ports that can be listened on', async () => {
    const port = await findFreePort();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
