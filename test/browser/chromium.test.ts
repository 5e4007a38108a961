import { chromiumPath } from './support';

describe('finding Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('fails with the way to install it, rather than skipping the browser tests', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(
      /found none at \/nonexistent\/chromium \(from CHROMIUM_PATH\).*apt-get install -y chromium/,
    );
  });

  it('uses CHROMIUM_PATH when it names a program', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(chromiumPath()).toBe(process.execPath);
  });
});
