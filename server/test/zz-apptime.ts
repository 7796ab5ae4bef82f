import t from 'tap'
import { buildAppWith, freshConfig } from './helper.ts'

t.test('time', async (t) => {
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now()
    const config = await freshConfig(t)
    const t1 = performance.now()
    const app = await buildAppWith(t, config)
    await app.ready()
    const t2 = performance.now()
    await app.close()
    console.log('config', Math.round(t1 - t0), 'app', Math.round(t2 - t1))
  }
})
