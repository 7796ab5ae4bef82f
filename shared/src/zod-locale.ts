import { z } from 'zod'

// Riders and stall owners read these messages: zod's built-in ones in Chinese too.
z.config(z.locales.zhCN())
