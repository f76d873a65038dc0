import { resolvePepper } from './resolve-pepper';

describe('resolvePepper', () => {
  it('uses the configured pepper whatever the environment', () => {
    expect(resolvePepper('s3cret', 'production')).toEqual({ pepper: 's3cret', isDevelopmentFallback: false });
  });

  it('falls back to one fixed pepper in development and test, so every app hashes alike', () => {
    const development = resolvePepper('', 'development');
    expect(development.isDevelopmentFallback).toBe(true);
    expect(development.pepper).not.toBe('');
    expect(resolvePepper('', 'test').pepper).toBe(development.pepper);
  });

  it('refuses an empty pepper in production, naming the variable', () => {
    expect(() => resolvePepper('', 'production')).toThrow(/API_KEY_PEPPER/);
  });
});
