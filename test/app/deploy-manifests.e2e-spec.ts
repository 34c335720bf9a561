import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { loadAppConfig } from '../../src/config/app-config';
import { ENVIRONMENT_KEYS } from '../../src/config/environment';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const yaml = (file: string) => load(read(file)) as Record<string, unknown>;
/** Every document of a Kubernetes manifest, by kind. */
const manifest = (file: string) => yaml(`deploy/kubernetes/${file}`) as { kind: string; spec: never; data: never };

interface Container {
  command?: string[];
  ports?: { containerPort: number }[];
  startupProbe?: { httpGet: { path: string } };
  livenessProbe?: { httpGet: { path: string } };
  readinessProbe?: { httpGet: { path: string } };
  lifecycle?: { preStop?: unknown };
  resources?: unknown;
}
interface PodSpec {
  securityContext: { runAsNonRoot: boolean; runAsUser: number };
  containers: Container[];
  terminationGracePeriodSeconds?: number;
}

/**
 * The deployment files say what the service reads: every variable they set is one the service knows, their
 * values pass its validation in production, and they use the routes, the port, the user and the commands
 * the image has. (They are run in CI only as far as this machine can: the image and HAProxy, not compose nor
 * Kubernetes.)
 */
describe('deploy/: the image, compose and Kubernetes agree with the service', () => {
  const dockerfile = read('Dockerfile');
  const imageUser = Number(/^USER (\d+):\d+$/m.exec(dockerfile)?.[1]);

  it('the image runs as a non-root user, checks /health/live, keeps SQLite on a volume', () => {
    expect(imageUser).toBeGreaterThan(0);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health\/live/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/data"\]$/m);
    expect(dockerfile).toMatch(/^ARG BASE_IMAGE=node:20-bookworm-slim$/m);
  });

  it("compose's instances set only variables the service reads, with values it accepts in production", () => {
    const compose = yaml('deploy/compose.yaml') as {
      'x-api': { environment: Record<string, string> };
      services: Record<string, { command?: string[] }>;
    };
    const env = compose['x-api'].environment;
    expect(Object.keys(env).filter((key) => !(ENVIRONMENT_KEYS as readonly string[]).includes(key))).toEqual([]);
    // Compose's ${VAR:?message} with a value of the right shape.
    const resolved = Object.fromEntries(
      Object.entries(env).map(([key, value]) => [key, value.replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'x'.repeat(40))]),
    );
    expect(loadAppConfig(resolved)).toMatchObject({ env: 'production', trustProxy: 1, database: { kind: 'mysql' } });
    expect(compose.services.migrate.command).toEqual(['node', 'dist/src/cli/migrate.js']);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['db', 'redis', 'api-1', 'api-2', 'lb']));
  });

  it('the Kubernetes ConfigMap and example Secret set only variables the service reads, and it starts with them', () => {
    const config = manifest('configmap.yaml').data as Record<string, string>;
    const secret = (manifest('secret.example.yaml') as unknown as { stringData: Record<string, string> }).stringData;
    const env = { ...config, ...secret };
    expect(Object.keys(env).filter((key) => !(ENVIRONMENT_KEYS as readonly string[]).includes(key))).toEqual([]);
    expect(loadAppConfig(env)).toMatchObject({ env: 'production', http: { port: 3000 } });
  });

  it('the Deployment probes the health routes, waits before the drain, and runs as the image user', () => {
    const pod = (manifest('deployment.yaml').spec as { template: { spec: PodSpec } }).template.spec;
    const [container] = pod.containers;
    expect(container.ports?.[0].containerPort).toBe(3000);
    expect(container.startupProbe?.httpGet.path).toBe('/health/live');
    expect(container.livenessProbe?.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(container.lifecycle?.preStop).toBeDefined();
    expect(container.resources).toBeDefined();
    expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, runAsUser: imageUser }));
    // Longer than the preStop sleep and the service's default SHUTDOWN_GRACE_MS (10 s) together.
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(15);
  });

  it('the migration Job runs the migration entry point the image has', () => {
    const job = manifest('migration-job.yaml').spec as { template: { spec: PodSpec } };
    expect(job.template.spec.containers[0].command).toEqual(['node', 'dist/src/cli/migrate.js']);
    expect(existsSync(path.join(ROOT, 'src/cli/migrate.ts'))).toBe(true);
  });

  it("the balancer checks readiness and forwards the client's address", () => {
    const haproxy = read('deploy/haproxy/haproxy.cfg');
    expect(haproxy).toMatch(/http-check send meth GET uri \/health\/ready/);
    expect(haproxy).toMatch(/option forwardfor/);
  });
});
