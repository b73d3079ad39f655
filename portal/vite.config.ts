import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal runs on its own origin (5173), as in production; /config.js says where the gateway is.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, fs: { allow: ['..'] } },
  preview: { port: 5173, strictPort: true },
});
