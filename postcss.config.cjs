// Mantine's PostCSS preset (rem(), light-dark(), breakpoints) for any CSS the web app writes.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
