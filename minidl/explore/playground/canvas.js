// The Playground's live picture, drawn in the browser from the numbers the
// kernel sends (see canvas.py): each unit's values over the grid as bytes,
// the weights and the losses. Everything is drawn at the screen's own
// resolution (devicePixelRatio), so it stays sharp on a 2x screen.

const MAX_WIDTH = 900;

function layout(width, network) {
  // Where everything goes, in CSS pixels, for a canvas `width` wide.
  const height = Math.round(0.34 * width);
  const columns = network.columns;
  const tallest = Math.max(...columns.map((c) => c.length));
  const pitch = (height - 28) / tallest;
  const side = Math.min(34, 0.8 * pitch);
  const netLeft = 54, netRight = 0.5 * width - side;
  const step = columns.length > 1 ? (netRight - netLeft) / (columns.length - 1) : 0;
  const squares = columns.map((column, c) => column.map((_, i) => ({
    x: netLeft + c * step,
    y: 22 + (height - 28) / 2 + (i - (column.length - 1) / 2) * pitch - side / 2,
  })));
  const plot = Math.min(height - 40, 0.28 * width);
  const boundary = { x: 0.5 * width + 24, y: 20, side: plot };
  const lossLeft = boundary.x + plot + 40;
  const loss = { x: lossLeft, y: 20, w: width - lossLeft - 8, h: plot };
  return { width, height, side, squares, boundary, loss };
}

function shade(small, bytes, offset, resolution, table, strength) {
  // One unit's picture: `resolution` x `resolution` values (0 red, 255 blue,
  // rows from the bottom), painted into `small`, a canvas kept from one
  // picture to the next (a new canvas per unit per picture kept the browser's
  // garbage collector busy), blended with white by `strength`.
  if (small.width !== resolution || !small.image) {
    small.width = small.height = resolution;
    small.image = small.getContext("2d").createImageData(resolution, resolution);
  }
  const data = small.image.data;
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const value = bytes[offset + (resolution - 1 - row) * resolution + col];
      const at = 4 * (row * resolution + col);
      for (let k = 0; k < 3; k++) {
        data[at + k] = strength * table[3 * value + k] + (1 - strength) * 255;
      }
      data[at + 3] = 255;
    }
  }
  small.getContext("2d").putImageData(small.image, 0, 0);
  return small;
}

function kept(pool, key) {
  // The small canvas kept for `key` (a unit's number, or "boundary").
  if (!pool.has(key)) pool.set(key, document.createElement("canvas"));
  return pool.get(key);
}

function drawNetwork(context, place, network, bytes, weights, pool) {
  const { side, squares } = place;
  const area = network.resolution * network.resolution;
  let w = 0;
  for (let c = 0; c + 1 < squares.length; c++) {
    for (const from of squares[c]) {
      for (const to of squares[c + 1]) {
        const weight = weights[w++];
        context.strokeStyle = weight > 0 ? network.colors[1] : network.colors[0];
        context.lineWidth = Math.min(0.3 + 1.5 * Math.abs(weight), 5);
        context.beginPath();
        context.moveTo(from.x + side, from.y + side / 2);
        context.lineTo(to.x, to.y + side / 2);
        context.stroke();
      }
    }
  }
  let unit = 0;
  context.imageSmoothingEnabled = true;
  squares.forEach((column) => column.forEach((square) => {
    const picture = shade(kept(pool, unit), bytes, unit * area, network.resolution,
                          network.table, 1);
    unit++;
    context.drawImage(picture, square.x, square.y, side, side);
    context.strokeStyle = "#999";
    context.lineWidth = 0.5;
    context.strokeRect(square.x, square.y, side, side);
  }));
  context.fillStyle = "#000";
  context.font = "11px sans-serif";
  context.textAlign = "right";
  context.textBaseline = "middle";
  squares[0].forEach((square, i) => {
    context.fillText(network.columns[0][i], square.x - 4, square.y + side / 2);
  });
  context.textAlign = "left";
  context.fillText(network.title, 4, 9);
}

function pointsLayer(place, network, ratio) {
  // The 500 points on a transparent canvas of their own, drawn once per
  // network and size: they do not move while it trains.
  const { side } = place.boundary;
  const layer = document.createElement("canvas");
  layer.width = layer.height = Math.round(side * ratio);
  const context = layer.getContext("2d");
  context.scale(ratio, ratio);
  const scale = side / (2 * network.extent);
  for (const [px, py, label, test] of network.points) {
    context.beginPath();
    context.arc((px + network.extent) * scale, (network.extent - py) * scale, 2.6, 0,
                2 * Math.PI);
    context.fillStyle = network.colors[label];
    context.fill();
    context.strokeStyle = test ? "#333" : "#fff";
    context.lineWidth = 0.7;
    context.stroke();
  }
  return layer;
}

function drawBoundary(context, place, network, bytes, points, pool) {
  const { x, y, side } = place.boundary;
  const area = network.resolution * network.resolution;
  const last = bytes.length / area - 1;
  const picture = shade(kept(pool, "boundary"), bytes, last * area, network.resolution,
                        network.table, 0.8);
  context.drawImage(picture, x, y, side, side);
  context.drawImage(points, x, y, side, side);
  context.strokeStyle = "#000";
  context.lineWidth = 0.8;
  context.strokeRect(x, y, side, side);
  context.fillStyle = "#000";
  context.font = "11px sans-serif";
  context.textAlign = "center";
  context.fillText("output (test points edged dark)", x + side / 2, 9);
  context.font = "10px sans-serif";
  context.textBaseline = "top";
  const scale = side / (2 * network.extent);
  for (const tick of [-network.extent, 0, network.extent]) {
    context.fillText(String(tick), x + (tick + network.extent) * scale, y + side + 3);
  }
  context.textBaseline = "middle";
}

function niceCeiling(value) {
  return value > 0 && isFinite(value) ? 2 ** Math.ceil(Math.log2(value)) : 1;
}

function drawLosses(context, place, train, test) {
  const { x, y, w, h } = place.loss;
  const epochs = Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(train.length - 1, 1))));
  const top = niceCeiling(train.concat(test).reduce((a, b) => Math.max(a, b ?? 0), 0));
  context.strokeStyle = "#000";
  context.lineWidth = 0.8;
  context.strokeRect(x, y, w, h);
  const line = (values, colour, dash) => {
    context.strokeStyle = colour;
    context.setLineDash(dash);
    context.lineWidth = 1.3;
    context.beginPath();
    let drawing = false;
    values.forEach((value, epoch) => {
      if (value === null) {
        drawing = false;  // the loss overflowed: a gap in the curve
        return;
      }
      const px = x + (epoch / epochs) * w, py = y + h - Math.min(value / top, 1) * h;
      if (drawing) context.lineTo(px, py); else context.moveTo(px, py);
      drawing = true;
    });
    context.stroke();
    context.setLineDash([]);
  };
  line(train, "#000", []);
  line(test, "#777", [4, 3]);
  context.fillStyle = "#000";
  context.font = "11px sans-serif";
  context.textAlign = "center";
  context.fillText("loss", x + w / 2, 9);
  context.font = "10px sans-serif";
  context.textBaseline = "top";
  context.fillText(`epoch (0-${epochs})`, x + w / 2, y + h + 3);
  context.textAlign = "right";
  context.textBaseline = "middle";
  context.fillText(String(top), x - 3, y + 4);
  context.fillText("0", x - 3, y + h - 2);
  context.textAlign = "left";
  context.fillText("train", x + 6, y + 9);
  context.fillStyle = "#777";
  context.fillText("test", x + 6, y + 21);
}

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.style.display = "block";
  el.appendChild(canvas);
  let pending = false;
  let points = { key: null, layer: null };
  const pool = new Map();
  const draw = () => {
    pending = false;
    const network = model.get("network");
    if (!network.columns) return;
    const bytes = new Uint8Array(model.get("units").buffer);
    const width = Math.min(el.clientWidth || MAX_WIDTH, MAX_WIDTH);
    const place = layout(width, network);
    const ratio = window.devicePixelRatio || 1;
    if (points.key !== network || points.width !== width || points.ratio !== ratio) {
      points = { key: network, width, ratio, layer: pointsLayer(place, network, ratio) };
    }
    canvas.style.width = `${place.width}px`;
    canvas.style.height = `${place.height}px`;
    const pixels = [Math.round(place.width * ratio), Math.round(place.height * ratio)];
    // A canvas given a size gets a new, blank bitmap: only when the size changes.
    if (canvas.width !== pixels[0] || canvas.height !== pixels[1]) {
      [canvas.width, canvas.height] = pixels;
    }
    const context = canvas.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = "#fff";
    context.fillRect(0, 0, place.width, place.height);
    drawNetwork(context, place, network, bytes, model.get("weights"), pool);
    drawBoundary(context, place, network, bytes, points.layer, pool);
    const [train, test] = model.get("losses");
    drawLosses(context, place, train, test);
    canvas.dataset.frames = String(Number(canvas.dataset.frames || 0) + 1);
  };
  // Draw at most once per browser frame, with the newest numbers.
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(draw);
    }
  };
  model.on("change:units", schedule);
  model.on("change:network", schedule);
  const resized = new ResizeObserver(schedule);
  resized.observe(el);
  schedule();
  return () => resized.disconnect();
}

export default { render };
