import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import pkg from '../package.json'
import devConfig from './dev'
import prodConfig from './prod'

/** Where the API lives when TARO_APP_API_BASE is not set at build time. */
const defaultApiBase: Record<string, string> = {
  // The server serves the H5 build itself, so the API is on the same origin.
  h5: '/api/v1',
  weapp: 'http://localhost:3000/api/v1',
}

// @djt/shared exports TypeScript source: Babel must compile it like our own code.
const sharedSource = path.resolve(__dirname, '../../shared/src')

// npm nests this package in miniapp/node_modules (its optional vite 4 peer clashes with
// vitest's vite), where @tarojs/taro-h5 in the root node_modules cannot find it.
const frameworkReact = path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json'))

export default defineConfig<'webpack5'>((merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const apiBase = process.env.TARO_APP_API_BASE || defaultApiBase[platform] || defaultApiBase.weapp

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangjiantong',
    // 375 makes a style's px a CSS px on a 375-wide phone, as the ≥ 44 px touch-target rule reads.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: platform === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    alias: { '@tarojs/plugin-framework-react': frameworkReact },
    // Only these keys reach the code (as process.env.X); see src/env.ts.
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_VERSION: JSON.stringify(pkg.version),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The H5 bundle is minified by esbuild: half the CPU of terser for the build (measured
    // 57 against 128 CPU-seconds), for staff at a desk where a few KB more do not matter.
    // The WeChat package keeps terser: its size is budgeted (scripts/check-weapp-size.mjs).
    ...(platform === 'h5'
      ? {
          jsMinimizer: 'esbuild' as const,
          esbuild: { minify: { enable: true, config: { target: 'es2015' } } },
        }
      : {}),
    // Persistent cache speeds up local rebuilds; CI always builds from scratch.
    // Any change under config/ or to babel.config.js throws the cache away.
    cache: {
      enable: !process.env.CI,
      buildDependencies: {
        miniapp: [`${__dirname}/`, path.resolve(__dirname, '../babel.config.js')],
      },
    },
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedSource] },
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      imageUrlLoaderOption: { name: 'static/images/[name].[contenthash:8][ext]' },
      postcss: {
        // With designWidth 375 a style's px already is a CSS px: keeping px (not Taro's rem)
        // needs no root-size script in index.html and leaves browser zoom working.
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
