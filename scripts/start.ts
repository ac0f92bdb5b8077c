import { serve } from "./lib/serve";

void serve("production");
