// Checks Kubernetes documents (multi-document YAML files named on the command line) against the published types:
// kubernetes-models for Kubernetes itself, @kubernetes-models/* for the operators' custom resources.
//
// 1. Every document is written as an object literal typed with its kind's interface and given to the TypeScript
//    compiler: every field of every object must be a property of its type (all unknown fields are listed, not
//    only the first the compiler would name), and a wrong type is a compile error.
// 2. Every document is then validated by its model's own JSON schema (patterns, formats, int-or-string).
// A document whose apiVersion/kind has no known type is an error too: nothing goes unchecked.
// Exit status 0 when every document passes; otherwise each problem is printed with its document.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));

// API group -> the package that types it.
const PACKAGES = {
  '': 'kubernetes-models',
  apps: 'kubernetes-models',
  autoscaling: 'kubernetes-models',
  batch: 'kubernetes-models',
  policy: 'kubernetes-models',
  'rbac.authorization.k8s.io': 'kubernetes-models',
  'networking.k8s.io': 'kubernetes-models',
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'keda.sh': '@kubernetes-models/keda',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

function modelModule({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = PACKAGES[group];
  if (!pkg || !/^[A-Za-z]+$/.test(kind)) {
    return null;
  }
  const module = `${pkg}/${group ? `${group}/` : ''}${version}/${kind}`;
  return fs.existsSync(path.join(here, 'node_modules', `${module}.d.ts`)) ? module : null;
}

function describe(doc) {
  return `${doc.apiVersion} ${doc.kind} ${doc.metadata?.name ?? '(no name)'}`;
}

const documents = [];
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    if (doc) {
      if (doc.kind === 'Secret' && doc.data) {
        // kustomize wraps base64 at 76 characters; the API server ignores those line breaks, and so do we.
        for (const key of Object.keys(doc.data)) {
          doc.data[key] = String(doc.data[key]).replace(/\s+/g, '');
        }
      }
      documents.push({ file, doc, module: modelModule(doc) });
    }
  }
}
const problems = [];
for (const { file, doc, module } of documents) {
  if (!module) {
    problems.push(`${file}: ${describe(doc)}: no published type for this apiVersion and kind`);
  }
}

// 1. The compiler's view: one typed literal per document, lines mapped back to their documents.
const checked = documents.filter((entry) => entry.module);
const lines = [];
const starts = [];
checked.forEach(({ doc, module }, i) => {
  lines.push(`import type { I${doc.kind} as T${i} } from ${JSON.stringify(module)};`);
});
checked.forEach(({ doc }, i) => {
  starts.push(lines.length);
  lines.push(...`export const d${i}: T${i} = ${JSON.stringify(doc, null, 2)};`.split('\n'));
});
const source = path.join(here, 'target', 'manifests.ts');
fs.mkdirSync(path.dirname(source), { recursive: true });
fs.writeFileSync(source, lines.join('\n') + '\n');
const program = ts.createProgram([source], {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
});
const checker = program.getTypeChecker();
const sourceFile = program.getSourceFile(source);

function documentAt(line) {
  const index = starts.findLastIndex((start) => start <= line);
  return index < 0 ? null : checked[index];
}

// A problem at a line of the generated source, named by its document and the line itself.
function reportAt(position, message) {
  const { line } = sourceFile.getLineAndCharacterOfPosition(position);
  const entry = documentAt(line);
  problems.push(entry ? `${entry.file}: ${describe(entry.doc)}: ${lines[line].trim()}\n  ${message}` : message);
}

// A field is known when its object's type, or one member of a union of object types, declares it or takes any
// key. An object type without properties ({}) is a CRD's free-form field (x-kubernetes-preserve-unknown-fields).
function knows(type, name) {
  const members = type.isUnion() ? type.types : [type];
  return members.some(
    (member) =>
      member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ||
      member.getProperty(name) ||
      checker.getIndexInfoOfType(member, ts.IndexKind.String) ||
      (member.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(member).length === 0),
  );
}

function unknownFields(node) {
  if (ts.isObjectLiteralExpression(node)) {
    const type = checker.getContextualType(node);
    if (type) {
      for (const property of node.properties) {
        const name = property.name && ts.isStringLiteral(property.name) ? property.name.text : null;
        if (name !== null && !knows(checker.getNonNullableType(type), name)) {
          reportAt(property.getStart(sourceFile), `unknown field "${name}" (not in ${checker.typeToString(type)})`);
        }
      }
    }
  }
  ts.forEachChild(node, unknownFields);
}
unknownFields(sourceFile);

const EXCESS_PROPERTY = 2353; // listed above, every one of them
for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
  if (diagnostic.code === EXCESS_PROPERTY) {
    continue;
  }
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
  if (diagnostic.file?.fileName !== sourceFile.fileName || diagnostic.start === undefined) {
    problems.push(`TypeScript: ${message}`);
    continue;
  }
  reportAt(diagnostic.start, message);
}

// 2. The models' own schemas.
for (const { file, doc, module } of checked) {
  const model = (await import(module))[doc.kind];
  try {
    new model(doc).validate();
  } catch (error) {
    problems.push(`${file}: ${describe(doc)}: ${error.message}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) in ${documents.length} document(s)`);
  process.exit(1);
}
console.log(`${documents.length} document(s) checked: no unknown or missing fields, every type as published`);
