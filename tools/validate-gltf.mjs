#!/usr/bin/env node
// Validates one .glb/.gltf with the Khronos glTF-Validator (npm gltf-validator, pinned in
// tools/node/package.json) and prints the counts as one JSON object.
//
//   node tools/validate-gltf.mjs FILE.glb
//
// Exit code: 0 = no errors, 1 = validation errors, 2 = could not validate (usage, missing file,
// validator not installed). The tests run this on every GLB the exporter writes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_CANNOT_VALIDATE = 2;

function cannotValidate(reason) {
  console.error(`validate-gltf: ${reason}`);
  process.exit(EXIT_CANNOT_VALIDATE);
}

// The validator lives in tools/node/node_modules, wherever the caller's working directory is.
function loadValidator() {
  const toolsNode = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node', 'package.json');
  try {
    return createRequire(toolsNode)('gltf-validator');
  } catch {
    return cannotValidate('gltf-validator is not installed (run tools/bootstrap, or npm ci in tools/node)');
  }
}

async function readModel(file) {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    return cannotValidate(`${file}: cannot read (${e.code ?? e.message})`);
  }
}

const files = process.argv.slice(2);
if (files.length !== 1) cannotValidate('usage: node tools/validate-gltf.mjs FILE.glb|FILE.gltf');

const file = path.resolve(files[0]);
const validator = loadValidator();
const bytes = await readModel(file);

let report;
try {
  report = await validator.validateBytes(bytes, {
    uri: path.basename(file),
    maxIssues: 0, // unlimited, so the counts are exact
    writeTimestamp: false,
    // A .gltf names its .bin and images relative to itself.
    externalResourceFunction: (uri) =>
      readFile(path.resolve(path.dirname(file), decodeURIComponent(uri))).then((b) => new Uint8Array(b)),
  });
} catch (e) {
  cannotValidate(`${files[0]}: ${e && e.message ? e.message : String(e)}`);
}

const issues = report.issues;
const messagesOf = (severity) =>
  issues.messages
    .filter((m) => m.severity === severity)
    .map((m) => `${m.code} at ${m.pointer ?? ''}: ${m.message}`);

console.log(JSON.stringify({
  file: files[0],
  validator: report.validatorVersion,
  errors: issues.numErrors,
  warnings: issues.numWarnings,
  infos: issues.numInfos,
  hints: issues.numHints,
  error_messages: messagesOf(0),
  warning_messages: messagesOf(1),
  triangles: report.info ? report.info.totalTriangleCount : undefined,
}));
process.exit(issues.numErrors > 0 ? EXIT_INVALID : EXIT_VALID);
