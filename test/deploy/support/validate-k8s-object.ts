/**
 * Validates one Kubernetes object against the API schema of its apiVersion and kind, with the
 * model classes of `kubernetes-models` (4.x: CommonJS, Node 20). An apiVersion/kind the package
 * does not know is an error, not a pass.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

interface ModelClass {
  new (data: unknown): { validate(): void };
}

export function validateK8sObject(object: K8sObject): string | null {
  let model: ModelClass | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`kubernetes-models/${object.apiVersion}/${object.kind}`) as Record<
      string,
      ModelClass
    >;
    model = module[object.kind];
  } catch {
    model = undefined;
  }
  if (!model)
    return `${object.apiVersion} ${object.kind} is not a Kubernetes API kind kubernetes-models knows`;
  try {
    new model(object).validate();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
