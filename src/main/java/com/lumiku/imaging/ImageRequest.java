package com.lumiku.imaging;

/** What a model is asked to draw: a prompt and the size of the picture in pixels. */
public record ImageRequest(String prompt, int width, int height) {}
