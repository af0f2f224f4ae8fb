// The benign parity inputs: images drawn by integer formulas, so that node (here) and C#
// (tests/Katalyst.Models.Tests/Parity/ParityInputs.cs) draw bit-identical pixels. Each pixel
// channel is an integer 0..255; the model input is that value / 255 (or another scale) in float32.
export const recipes = {
  // Red rises left to right, green top to bottom, blue along the diagonal.
  gradient: (x, y, c, size) => [Math.floor((x * 255) / (size - 1)), Math.floor((y * 255) / (size - 1)), Math.floor(((x + y) * 255) / (2 * (size - 1)))][c],
  // Concentric rings around the centre, each channel at its own ring width.
  rings: (x, y, c, size) => {
    const dx = x - Math.floor(size / 2), dy = y - Math.floor(size / 2);
    return Math.floor((dx * dx + dy * dy) / (16 * (c + 1))) % 256;
  },
  // A 16-pixel checkerboard of two colours.
  checker: (x, y, c) => ((Math.floor(x / 16) + Math.floor(y / 16)) % 2 === 0 ? [200, 60, 30] : [20, 120, 220])[c],
};

export const recipeText = {
  gradient: 'r = floor(x*255/(S-1)), g = floor(y*255/(S-1)), b = floor((x+y)*255/(2*(S-1)))',
  rings: 'dx = x - floor(S/2), dy = y - floor(S/2); channel c = floor((dx*dx+dy*dy)/(16*(c+1))) mod 256',
  checker: '(floor(x/16)+floor(y/16)) even ? (200,60,30) : (20,120,220)',
};

/** NHWC float32 batch of the named recipes at size x size, each channel value v mapped by scale(v). */
export function batch(names, size, scale) {
  const data = new Float32Array(names.length * size * size * 3);
  let i = 0;
  for (const name of names) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        for (let c = 0; c < 3; c++) {
          data[i++] = scale(recipes[name](x, y, c, size));
        }
      }
    }
  }
  return data;
}
