// The outputs gallery's dev server (`npx vite --config test/gallery/vite.config.ts`, from the
// repository root): a page of its own, never part of the release build (vite.config.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ root: 'test/gallery', plugins: [react()] });
