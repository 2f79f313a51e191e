module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Journey tests share the helpers in the repository's e2e/ folder.
      files: ['e2e-tests/**'],
      rules: { '@backstage/no-relative-monorepo-imports': 'off' },
    },
  ],
});
