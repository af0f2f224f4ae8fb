// Parity fixtures for nsfwjs 4.4.0's Keras layers models (MobileNetV2, InceptionV3), computed ONCE with pure-JS
// TF.js (tfjs-core + tfjs-backend-cpu + tfjs-layers 4.22.0; not tfjs-node, which downloads natives).
//
//   mkdir /tmp/tfjs && cd /tmp/tfjs && npm install @tensorflow/tfjs-core@4.22.0 \
//     @tensorflow/tfjs-backend-cpu@4.22.0 @tensorflow/tfjs-layers@4.22.0 @tensorflow/tfjs-converter@4.22.0
//   tar xzf models/npm/nsfwjs-4.4.0.tgz -C /tmp/nsfwjs
//   NODE_PATH=/tmp/tfjs/node_modules node tools/parity/nsfwjs-layers-models.mjs /tmp/nsfwjs/package mobilenet_v2 224 \
//     > tests/Katalyst.Models.Tests/Parity/Fixtures/nsfwjs-mobilenet-v2.json
//   NODE_PATH=/tmp/tfjs/node_modules node tools/parity/nsfwjs-layers-models.mjs /tmp/nsfwjs/package inception_v3 299 \
//     > tests/Katalyst.Models.Tests/Parity/Fixtures/nsfwjs-inception-v3.json
import { createRequire } from 'node:module';
import { batch, recipeText } from './inputs.mjs';

const require = createRequire(process.env.NODE_PATH + '/');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfl = require('@tensorflow/tfjs-layers');

const [pkg, folder, side] = process.argv.slice(2);
const dir = `${pkg}/dist/models/${folder}`;
// The UMD bundles export the model.json object and each shard as a base64 string.
const modelJson = require(`${dir}/model.min.js`);
const shards = modelJson.weightsManifest[0].paths.map((p) => Buffer.from(require(`${dir}/${p}.min.js`), 'base64'));
const weightData = new Uint8Array(Buffer.concat(shards)).buffer;

await tf.setBackend('cpu');
const model = await tfl.loadLayersModel(tf.io.fromMemory({
  modelTopology: modelJson.modelTopology,
  weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
  weightData,
}));
const flatten = model.layers.find((l) => l.getClassName() === 'Flatten');
const both = tfl.model({ inputs: model.inputs, outputs: [model.outputs[0], flatten.output] });

const names = ['gradient', 'rings', 'checker'];
const size = Number(side);
const input = tf.tensor4d(batch(names, size, (v) => v / 255), [names.length, size, size, 3]);
const [probabilities, embedding] = both.predict(input);
const fixture = {
  model: `nsfwjs-${folder.replaceAll('_', '-')}`,
  package: 'nsfwjs@4.4.0',
  computedWith: `@tensorflow/tfjs-core ${tf.version_core}, tfjs-backend-cpu, tfjs-layers (pure JS) in node ${process.version}`,
  size,
  scale: 'v/255',
  inputs: names.map((n) => ({ recipe: n, formula: recipeText[n] })),
  outputs: {
    probabilities: await probabilities.array(),
    embedding: await embedding.array(),
  },
};
process.stdout.write(JSON.stringify(fixture) + '\n');
